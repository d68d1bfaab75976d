import { Module } from '@nestjs/common';
import { ClassificationWorkers } from './classification-workers.service';
import { ClassifierController } from './classifier.controller';
import { ClassifierTrainingProcessor } from './classifier-training.processor';
import { ReviewTagging } from './review-tagging.service';
import { ShopClassifiers } from './shop-classifiers.service';
import { TagCorrectionsService } from './tag-corrections.service';

/** Root-cause classification: the shipped model, each shop's own layer, corrections and retraining. */
@Module({
  controllers: [ClassifierController],
  providers: [ShopClassifiers, ReviewTagging, TagCorrectionsService, ClassifierTrainingProcessor, ClassificationWorkers],
  exports: [ShopClassifiers, ReviewTagging],
})
export class ClassificationModule {}
