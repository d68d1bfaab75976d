import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComplianceGate } from './compliance-gate.service';
import { ComplianceOverride } from './compliance-override.entity';
import { CorrectiveAction } from './corrective-action.entity';
import { CorrectiveActionsController } from './corrective-actions.controller';
import { CorrectiveActionsService } from './corrective-actions.service';

/** The compliance guard: the rule engine (plain functions), the override audit and the corrective actions drafts may state. */
@Module({
  imports: [TypeOrmModule.forFeature([ComplianceOverride, CorrectiveAction])],
  controllers: [CorrectiveActionsController],
  providers: [ComplianceGate, CorrectiveActionsService],
  exports: [ComplianceGate, CorrectiveActionsService],
})
export class ComplianceModule {}
