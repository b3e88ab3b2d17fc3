import { isWithheldNumber } from '../../../calls/domain/withheld-number';
import { CstaConnection, CstaDevice } from './csta-message';
import { childText, findChild, XmlElement } from './xml-tree';

/** Elements by which ECMA-323 says a device is not named (CLIR, not known, not needed). */
const UNNAMED = ['notKnown', 'restricted', 'notRequired', 'notSpecified'] as const;
/** Where a device's identifier sits, in the nestings seen from different editions and vendors. */
const IDENTIFIERS = ['deviceIdentifier', 'deviceID', 'dialingNumber', 'staticID', 'dynamicID'] as const;

/**
 * A device element (callingDevice, calledDevice, alertingDevice, queue, …) as a number, or
 * null when the system withholds or does not know it. Accepts the edition 3–6 nestings
 * (`<callingDevice><deviceIdentifier>…`, an identifier directly as text, deeper wrappers) and
 * the vendors' spellings of a number (Siemens `N<+49301234>`, Avaya `2001:CM1:0.0.0.0:0`,
 * `tel:`/`sip:` URIs, `;ext=` suffixes).
 */
export function readDevice(element: XmlElement | undefined): CstaDevice | undefined {
  if (!element) return undefined;
  if (findChild(element, UNNAMED, 3)) return { number: null, withheld: true };
  const identifier = findChild(element, IDENTIFIERS, 3);
  const raw = (identifier ? deepestText(identifier) : element.text).trim();
  const number = normaliseNumber(raw);
  return number === null ? { number: null, withheld: true } : { number, withheld: false };
}

/** A connection element (connection, establishedConnection, droppedConnection, newConnection, …). */
export function readConnection(element: XmlElement | undefined): CstaConnection | undefined {
  if (!element) return undefined;
  const callId = childText(element, 'callID');
  if (!callId) return undefined;
  const deviceElement = findChild(element, ['deviceID']);
  const deviceId = deviceElement ? normaliseNumber(deepestText(deviceElement).trim()) : null;
  return deviceId ? { callId, deviceId } : { callId };
}

/** A vendor's spelling of a number → the number; null for an empty or "anonymous" identity. */
export function normaliseNumber(raw: string): string | null {
  let value = raw.trim();
  const siemens = /^N<(.*)>$/.exec(value);
  if (siemens) value = siemens[1];
  value = value.replace(/^(tel|sips?):/i, '');
  value = value.split(/[@;]/)[0];
  const avaya = /^([+*#]?[0-9A-Za-z*#]+):[^:]*:/.exec(value);
  if (avaya) value = avaya[1];
  if (/^\+?[\d\s()./-]+$/.test(value)) value = value.replace(/[\s()./-]/g, '');
  if (isWithheldNumber(value)) return null;
  return value;
}

function deepestText(element: XmlElement): string {
  if (element.text.trim() || element.children.length === 0) return element.text;
  return deepestText(element.children[0]);
}
