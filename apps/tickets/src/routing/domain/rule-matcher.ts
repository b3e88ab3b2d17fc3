import type { TicketChannel } from '@d115/contracts';
import type { RuleConditions } from '../entities/routing-rule.entity';

/** What routing looks at when a case arrives. */
export interface RoutingFacts {
  channel: TicketChannel;
  mailbox?: string | null;
  leikaKey?: string | null;
  ars?: string | null;
  /** Subject and text together. */
  text: string;
  language?: string | null;
}

/**
 * All given conditions must hold; within one list any entry may match. Keywords
 * are case-insensitive and match at the start of a word ("ausweis" finds
 * "Ausweisverlust"); a leading `*` matches anywhere ("*ausweis" also finds
 * "Personalausweis", as German compounds need).
 */
export function ruleMatches(conditions: RuleConditions, facts: RoutingFacts): boolean {
  return (
    anyOf(conditions.channels, (channel) => channel === facts.channel) &&
    anyOf(conditions.mailboxes, (mailbox) => !!facts.mailbox && mailbox.toLowerCase() === facts.mailbox.toLowerCase()) &&
    anyOf(conditions.leikaPrefixes, (prefix) => !!facts.leikaKey?.startsWith(prefix)) &&
    anyOf(conditions.regionPrefixes, (prefix) => !!facts.ars?.startsWith(prefix)) &&
    anyOf(conditions.languages, (language) => language === (facts.language ?? 'de')) &&
    anyOf(conditions.keywords, (keyword) => keywordIn(keyword, facts.text))
  );
}

/** The first rule (in the given order) whose conditions hold. */
export function firstMatchingRule<R extends { conditions: RuleConditions }>(rules: readonly R[], facts: RoutingFacts): R | undefined {
  return rules.find((rule) => ruleMatches(rule.conditions, facts));
}

function anyOf<T>(list: readonly T[] | undefined, test: (entry: T) => boolean): boolean {
  return !list || list.length === 0 || list.some(test);
}

function keywordIn(keyword: string, text: string): boolean {
  const anywhere = keyword.startsWith('*');
  const word = (anywhere ? keyword.slice(1) : keyword).trim().toLocaleLowerCase('de');
  if (!word) return false;
  const haystack = text.toLocaleLowerCase('de');
  if (anywhere) return haystack.includes(word);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'u').test(haystack);
}
