import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ValidationFailed } from '../common/errors/domain-error';
import { outboundUrlMessage, outboundUrlProblem } from '../common/net/outbound-address';
import { AppConfig } from '../config/app-config';
import { ReplySettingsResponse, UpdateReplySettingsDto } from './dto/reply-settings.dto';
import { AutoDraftMode, DEFAULT_AUTO_DRAFT, DEFAULT_REPLY_MAX_LENGTH, ReplySettings } from './reply-settings.entity';

export interface EffectiveReplySettings {
  maxLength: number;
  autoDraft: AutoDraftMode;
  giftsInPublicReplies: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
  updatedBy: string | null;
  updatedAt: Date | null;
}

const DEFAULTS: EffectiveReplySettings = {
  maxLength: DEFAULT_REPLY_MAX_LENGTH,
  autoDraft: DEFAULT_AUTO_DRAFT,
  giftsInPublicReplies: false,
  webhookUrl: null,
  webhookSecret: null,
  updatedBy: null,
  updatedAt: null,
};

@Injectable()
export class ReplySettingsService {
  constructor(
    @InjectRepository(ReplySettings) private readonly settings: Repository<ReplySettings>,
    private readonly config: AppConfig,
  ) {}

  /** The shop's settings, defaults where it has none; `manager` when called inside a transaction. */
  async effective(shopId: string, manager: EntityManager = this.settings.manager): Promise<EffectiveReplySettings> {
    const row = await manager.findOneBy(ReplySettings, { shopId });
    return row ? { ...row } : { ...DEFAULTS };
  }

  async get(shopId: string): Promise<ReplySettingsResponse> {
    return toResponse(await this.effective(shopId));
  }

  async update(shopId: string, dto: UpdateReplySettingsDto, actor: string): Promise<ReplySettingsResponse> {
    return this.settings.manager.transaction(async (manager) => {
      const current = await this.effective(shopId, manager);
      // left out: keep; null: back to the default
      const value = <T>(given: T | null | undefined, kept: T, fallback: T): T => (given === undefined ? kept : given === null ? fallback : given);
      const next = {
        shopId,
        maxLength: value(dto.maxLength, current.maxLength, DEFAULTS.maxLength),
        autoDraft: value(dto.autoDraft, current.autoDraft, DEFAULTS.autoDraft),
        giftsInPublicReplies: value(dto.giftsInPublicReplies, current.giftsInPublicReplies, DEFAULTS.giftsInPublicReplies),
        webhookUrl: value<string | null>(dto.webhookUrl, current.webhookUrl, null),
        webhookSecret: value<string | null>(dto.webhookSecret, current.webhookSecret, null),
        updatedBy: actor,
      };
      if (next.webhookUrl && !next.webhookSecret) {
        throw new ValidationFailed([
          { field: 'webhookSecret', code: 'required', message: 'webhookSecret is required with a webhookUrl: deliveries are signed with it' },
        ]);
      }
      const problem = next.webhookUrl && dto.webhookUrl ? outboundUrlProblem(next.webhookUrl, this.config.env.webhookAllowInternal) : null;
      if (problem) {
        throw new ValidationFailed([{ field: 'webhookUrl', code: 'outboundUrl', message: outboundUrlMessage('webhookUrl', problem) }]);
      }
      await manager.upsert(ReplySettings, next, ['shopId']);
      return toResponse(await this.effective(shopId, manager));
    });
  }
}

function toResponse(settings: EffectiveReplySettings): ReplySettingsResponse {
  return {
    maxLength: settings.maxLength,
    autoDraft: settings.autoDraft,
    giftsInPublicReplies: settings.giftsInPublicReplies,
    webhookUrl: settings.webhookUrl,
    hasWebhookSecret: !!settings.webhookSecret,
    updatedBy: settings.updatedBy,
    updatedAt: settings.updatedAt ? settings.updatedAt.toISOString() : null,
  };
}
