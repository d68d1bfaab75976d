import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ApiKey } from './api-key.entity';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeyGuard } from './auth';
import { MeController } from './me.controller';
import { Shop } from './shop.entity';
import { ShopsController } from './shops.controller';
import { ShopsService } from './shops.service';
import { StaffController } from './staff.controller';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([Shop, ApiKey, StaffMember])],
  controllers: [ShopsController, StaffController, MeController],
  providers: [
    ShopsService,
    StaffService,
    ApiKeyGuard,
    { provide: ApiKeyCache, useFactory: (config: AppConfig) => new ApiKeyCache(config.env.apiKeyCacheMs), inject: [AppConfig] },
  ],
  exports: [ShopsService, StaffService, ApiKeyGuard],
})
export class ShopsModule {}
