import type { Label } from '../common/labels';
import type { ReplyStatus } from './reply.types';

/** The names of a reply's statuses (the console's). */
export const REPLY_STATUS_LABELS: Readonly<Record<ReplyStatus, Label>> = {
  draft: { zh: '草稿', en: 'Draft' },
  edited: { zh: '已编辑', en: 'Edited' },
  approved: { zh: '已批准', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
  superseded: { zh: '已替换', en: 'Superseded' },
};
