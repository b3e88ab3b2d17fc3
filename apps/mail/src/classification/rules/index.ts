import { BODY_RULES } from './body.rules';
import { HEADER_RULES } from './header.rules';
import { ClassificationRule } from './rule';
import { SENDER_RULES } from './sender.rules';
import { STRUCTURE_RULES } from './structure.rules';
import { SUBJECT_RULES } from './subject.rules';

/** Every rule, in the order their reasons are recorded. */
export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [...STRUCTURE_RULES, ...HEADER_RULES, ...SUBJECT_RULES, ...SENDER_RULES, ...BODY_RULES];
