import { Module } from '@nestjs/common';
import { AlertDetectionService } from './alert-detection.service';
import { AlertSettingsService } from './alert-settings.service';
import { AlertWorkers } from './alert-workers.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/**
 * Early warning (docs/alerts.md): alerts as records, their detection after each analysis commit (an analysis step
 * the analysis module runs) and in a sweep, per-shop settings, GET /v1/alerts. Events go out through the outbox
 * triggers on the alerts table (migration AlertEvents), so no module is called to announce them.
 */
@Module({
  controllers: [AlertsController],
  providers: [AlertsService, AlertSettingsService, AlertDetectionService, AlertWorkers],
  exports: [AlertDetectionService, AlertsService, AlertWorkers],
})
export class AlertsModule {}
