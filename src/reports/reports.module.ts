import { Module } from '@nestjs/common';
import { ShopsModule } from '../shops/shops.module';
import { ReportWorkers } from './report-workers.service';
import { ReportsController } from './reports.controller';
import { ReportsProcessor } from './reports.processor';
import { ReportsService } from './reports.service';

@Module({
  imports: [ShopsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsProcessor, ReportWorkers],
  exports: [ReportsService, ReportWorkers],
})
export class ReportsModule {}
