import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { ReviewResponse } from '../reviewers/dto/review-response.dto';
import { Actor, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { shippedModel } from './classifier-model';
import { DEFAULT_RECLASSIFY_DAYS } from './classifier-training.processor';
import { ClassifierResponse, CorrectTagsDto, JobAcceptedResponse, ReclassifyDto } from './dto/classifier.dto';
import { evaluateOnCorrections, ShopClassifiers } from './shop-classifiers.service';
import { TagCorrectionsService } from './tag-corrections.service';

/** Accuracy on corrections is measured live over at most this many of the newest ones. */
const LIVE_EVALUATION_LIMIT = 2_000;

@ApiTags('classification')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ClassifierController {
  constructor(
    private readonly corrections: TagCorrectionsService,
    private readonly classifiers: ShopClassifiers,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  @Put('reviews/:id/tags')
  @ApiOperation({ summary: "Correct a review's root-cause tags; the correction trains the shop's classifier" })
  @ApiOkResponse({ type: ReviewResponse })
  async correct(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: CorrectTagsDto,
  ): Promise<ReviewResponse> {
    return ReviewResponse.of(await this.corrections.correct(shop.shopId, id, body, actor));
  }

  @Get('classifier')
  @ApiOperation({ summary: "The shop's classifier: model versions, corrections, and accuracy on them" })
  @ApiOkResponse({ type: ClassifierResponse })
  async show(@CurrentShop() shop: AuthenticatedShop): Promise<ClassifierResponse> {
    const base = shippedModel();
    // one after another, the model first: counted in parallel, the corrections could be read before a retraining
    // committed and the model after it (a new model with every correction "since training"); and the version is
    // read after latest() refreshed the cache, so it is the one that model gives
    const latest = await this.classifiers.latest(shop.shopId);
    const counts = await this.classifiers.correctionCounts(shop.shopId);
    const version = await this.classifiers.currentVersion(shop.shopId);
    let accuracy = null;
    if (counts.total) {
      const corrections = (await this.classifiers.trainingCorrections(shop.shopId)).corrections.slice(-LIVE_EVALUATION_LIMIT);
      const live = evaluateOnCorrections(base, corrections);
      // the shop model's own figure is cross-validated at training time; the shipped model's is measured now
      accuracy = latest?.baseVersion === base.version ? { ...live, shopAccuracy: latest.metrics.shopAccuracy } : live;
    }
    return {
      version,
      base: { version: base.version },
      shop: latest && {
        version: latest.version,
        baseVersion: latest.baseVersion,
        active: latest.baseVersion === base.version,
        correctionsUsed: latest.correctionsUsed,
        trainedUpTo: latest.trainedUpTo.toISOString(),
        trainedAt: latest.createdAt.toISOString(),
        metrics: latest.metrics,
      },
      corrections: { ...counts, retrainAfter: this.config.env.retrainAfterCorrections },
      accuracy,
    };
  }

  @Post('classifier/retrain')
  @HttpCode(202)
  @ApiOperation({ summary: "Retrain the shop's classifier from all its corrections, then reclassify recent reviews" })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  async retrain(@CurrentShop() shop: AuthenticatedShop): Promise<JobAcceptedResponse> {
    await this.jobs.add('retrain-classifier', [{ shopId: shop.shopId }], { jobId: `retrain-classifier-${shop.shopId}` });
    return { job: 'retrain-classifier', status: 'queued' };
  }

  @Post('classifier/reclassify')
  @HttpCode(202)
  @ApiOperation({ summary: "Classify recent reviews again with the shop's current model (staff-corrected tags are kept)" })
  @ApiAcceptedResponse({ type: JobAcceptedResponse })
  async reclassify(@CurrentShop() shop: AuthenticatedShop, @Body() body: ReclassifyDto): Promise<JobAcceptedResponse> {
    const sinceDays = body.sinceDays ?? DEFAULT_RECLASSIFY_DAYS;
    await this.jobs.add('reclassify-reviews', [{ shopId: shop.shopId, sinceDays }], { jobId: `reclassify-reviews-${shop.shopId}` });
    return { job: 'reclassify-reviews', status: 'queued' };
  }
}
