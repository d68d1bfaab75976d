import { Module } from '@nestjs/common';
import { RepliesModule } from '../replies/replies.module';
import { ShopsModule } from '../shops/shops.module';
import { ReportEventsService } from './report-events.service';
import { ReportWorkers } from './report-workers.service';
import { ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ReportsService } from './reports.service';

@Module({
  imports: [ShopsModule, RepliesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportEventsService, ReportsProcessor, ReportWorkers],
  exports: [ReportsService, ReportWorkers],
})
export class ReportsModule {}
