import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { STAFF_ROLES } from '../staff-member.entity';
import type { StaffMember, StaffRole } from '../staff-member.entity';
import { ApiKeyResponse } from './api-key.dto';

export class CreateStaffDto {
  @ApiProperty({ example: '小王' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  name!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class CreateStaffKeyDto {
  @ApiPropertyOptional({ example: 'console', description: 'defaults to "staff"' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  name?: string;
}

export class StaffResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) deactivatedAt!: string | null;

  static of(staff: StaffMember): StaffResponse {
    return {
      id: staff.id,
      name: staff.name,
      role: staff.role,
      active: staff.deactivatedAt === null,
      createdAt: staff.createdAt.toISOString(),
      deactivatedAt: staff.deactivatedAt ? staff.deactivatedAt.toISOString() : null,
    };
  }
}

export class CreatedStaffKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself: shown this once, store it now' }) key!: string;
}
