import { JsMsg } from 'nats';
import { CSTA_PBX_HEADER, CstaErrorCode, CstaInboundMessage, D115Error, EventEnvelope, TelephonyInbound } from '@d115/contracts';
import { parseXmlTree } from '../parser/xml-tree';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An inbound CSTA message (the XML as the body, the pbx in the `d115-pbx` header) as the
 * envelope the consumer runner handles. Its id is the publisher's `Nats-Msg-Id` when it set
 * one, else the stream position and time (unique per message). Not UTF-8 or not well-formed
 * XML: a `CSTA.XML_MALFORMED` error, which dead-letters the message with the reason at once.
 */
export function decodeCstaInbound(message: JsMsg): EventEnvelope<CstaInboundMessage> {
  let xml: string;
  try {
    xml = UTF8.decode(message.data);
  } catch {
    throw new D115Error(CstaErrorCode.XML_MALFORMED, 'CSTA message is not valid UTF-8');
  }
  parseXmlTree(xml);
  const pbx = message.headers?.get(CSTA_PBX_HEADER) ?? '';
  const id = message.headers?.get('Nats-Msg-Id') || `${message.info.stream}:${message.info.streamSequence}:${message.info.timestampNanos}`;
  return {
    specversion: '1.0',
    id,
    source: `/telephony/csta/${pbx}`,
    type: TelephonyInbound.csta,
    time: new Date(Math.floor(message.info.timestampNanos / 1e6)).toISOString(),
    datacontenttype: 'application/json',
    correlationid: id,
    data: { pbx, xml },
  };
}
