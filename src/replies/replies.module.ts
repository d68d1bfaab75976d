import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplianceModule } from '../compliance/compliance.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { AutoDraftWorkers } from './auto-draft-workers.service';
import { AutoDrafts } from './auto-drafts.service';
import { DraftRepliesProcessor } from './draft-replies.processor';
import { DeliverWebhookProcessor } from './deliver-webhook.processor';
import { RemedyPolicyRow } from './remedy-policy.entity';
import { RemedyPolicyService } from './remedy-policy.service';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';
import { ReplyDraft } from './reply-draft.entity';
import { ReplyDrafting } from './reply-drafting.service';
import { ReplySettings } from './reply-settings.entity';
import { ReplySettingsService } from './reply-settings.service';
import { ReplyTemplate } from './reply-template.entity';
import { ReplyTemplatesController } from './reply-templates.controller';
import { RemedyPolicyController } from './remedy-policy.controller';
import { ReplySettingsController } from './reply-settings.controller';
import { ReplyTemplatesService } from './reply-templates.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookWorkers } from './webhook-workers.service';

/** 3F reply drafts, outreach scripts and remedies; shop templates and policy; the approval workflow and the shop's webhook (also announces reports). */
@Module({
  imports: [TypeOrmModule.forFeature([ReplyDraft, ReplyTemplate, RemedyPolicyRow, ReplySettings, WebhookDelivery]), ReviewsModule, ComplianceModule],
  controllers: [RepliesController, ReplyTemplatesController, RemedyPolicyController, ReplySettingsController],
  providers: [
    RepliesService,
    ReplyDrafting,
    AutoDrafts,
    DraftRepliesProcessor,
    AutoDraftWorkers,
    ReplyTemplatesService,
    RemedyPolicyService,
    ReplySettingsService,
    WebhookDeliveryService,
    DeliverWebhookProcessor,
    WebhookWorkers,
  ],
  exports: [RepliesService, ReplyDrafting, AutoDrafts, AutoDraftWorkers, WebhookDeliveryService, WebhookWorkers],
})
export class RepliesModule {}
