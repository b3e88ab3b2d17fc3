import { Injectable } from '@nestjs/common';
import { ParsedMail } from '../../../parsing/parsed-mail';
import { readBounceDetails } from '../../bounce-details';
import { ClassificationResult } from '../../classification';
import { ClassifyContext, MailEvidence, readEvidence } from '../../mail-evidence';
import { asParsedMail } from '../../mime-view';
import { CLASSIFICATION_RULES } from '../../rules';
import { Finding, runRules } from '../../rules/rule';
import { isBounceMessage } from '../../rules/structure.rules';
import { decide, Verdict } from '../../verdict';

export { ClassifyContext } from '../../mail-evidence';

/**
 * Tells normal mail from auto-replies, bounces and reports, so that no
 * automated mail is ever acknowledged, reopens a case or triggers a reply.
 * The rules (rules/) each record a finding; verdict.ts combines them; for a
 * bounce, bounce-details.ts reads the failed recipients and the returned Message-ID.
 */
@Injectable()
export class ClassifyMessageUsecase {
  execute(mail: ParsedMail, context: ClassifyContext): ClassificationResult {
    const evidence = readEvidence(mail, context);
    const findings = runRules(CLASSIFICATION_RULES, evidence);
    const verdict = decide(findings);
    const reasons = reasonsFor(verdict, findings);
    if (verdict.classification === 'normal') return { classification: 'normal', reasons, failedRecipients: [] };
    if (verdict.classification !== 'bounce') {
      const originalMessageId = verdict.classification === 'report' ? readBounceDetails(evidence).originalMessageId : undefined;
      return { classification: verdict.classification, reasons, failedRecipients: [], ...(originalMessageId ? { originalMessageId } : {}) };
    }
    const details = readBounceDetails(this.bounceEvidence(evidence, context));
    const first = details.failedRecipients[0];
    const originalMessageId = details.originalMessageId;
    return {
      classification: 'bounce',
      reasons,
      failedRecipients: details.failedRecipients,
      ...(originalMessageId ? { originalMessageId } : {}),
      bounce: {
        kind: details.kind,
        ...(originalMessageId ? { originalMessageId: `<${originalMessageId}>` } : {}),
        ...(first?.recipient ? { recipient: first.recipient } : {}),
        ...(first?.status ? { status: first.status } : {}),
      },
    };
  }

  /** A forwarded bounce is read from the attached message; its recipients were the ones that failed. */
  private bounceEvidence(evidence: MailEvidence, context: ClassifyContext): MailEvidence {
    const direct = readBounceDetails(evidence);
    if (direct.failedRecipients.length > 0) return evidence;
    const attached = evidence.attachedMessages.find(isBounceMessage);
    return attached ? readEvidence(asParsedMail(attached), context) : evidence;
  }
}

/** Every finding for automated mail; for normal mail only when bounce findings were overruled (for ops). */
function reasonsFor(verdict: Verdict, findings: Finding[]): string[] {
  if (verdict.classification !== 'normal' || verdict.overruled) return findings.map((f) => f.reason);
  return [];
}
