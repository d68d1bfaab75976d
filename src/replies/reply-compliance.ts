import { findingsOf, LocatedFinding } from '../compliance/compliance-check';
import type { ReplyDraft } from './reply-draft.entity';
import type { ReplyPart } from './reply.types';

export interface ReplyComplianceContext {
  platform: string | null;
  giftsInPublic: boolean;
}

/**
 * The compliance findings of a reply: its public text, each line of the outreach script staff say to the buyer
 * (the goals are staff guidance and not checked) and the remedy as staff offer it. A found sentence taken from
 * a recorded corrective action (`action:` template id) makes the text's claims recorded ones.
 */
export function replyFindings(reply: Pick<ReplyDraft, 'text' | 'outreach' | 'remedy' | 'templateIds'>, context: ReplyComplianceContext): LocatedFinding[] {
  const recordedActions = reply.templateIds.some((id) => id.startsWith('action:'));
  const remedyOffered = Boolean(reply.remedy?.privateText);
  const platform = context.platform;
  return findingsOf([
    { field: 'text', text: reply.text, context: { kind: 'public_reply', platform, recordedActions, allowPublicGift: context.giftsInPublic } },
    ...(reply.outreach?.steps ?? []).map((step, index) => ({
      field: `outreach.steps[${index}].say`,
      text: step.say,
      context: { kind: 'outreach_step' as const, platform, remedyOffered },
    })),
    { field: 'remedy.privateText', text: reply.remedy?.privateText, context: { kind: 'private_message', platform, remedyOffered } },
  ]);
}

/**
 * The findings of a template's text: a public part is checked as a template, an outreach line as what staff say
 * beside a remedy (every recovery script offers one).
 */
export function templateFindings(part: ReplyPart, text: string): LocatedFinding[] {
  if (part.startsWith('outreach_')) return findingsOf([{ field: 'text', text, context: { kind: 'outreach_step', remedyOffered: true } }]);
  return findingsOf([{ field: 'text', text, context: { kind: 'template' } }]);
}
