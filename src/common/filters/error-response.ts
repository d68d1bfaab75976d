import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldProblem } from '../errors/domain-error';
import type { ErrorBody } from './all-exceptions.filter';

export class FieldProblemResponse implements FieldProblem {
  @ApiProperty({ description: 'path of the field at fault', example: 'items[3].reviewedAt' }) field!: string;
  @ApiProperty({ description: 'stable machine-readable code of the rule', example: 'isTimestamp' }) code!: string;
  @ApiProperty({ example: 'reviewedAt must be an ISO 8601 timestamp' }) message!: string;
}

/** The body of every error response, as AllExceptionsFilter writes it. */
export class ErrorResponse implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ description: 'stable machine-readable code', example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ example: 'The request is not valid' }) message!: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'one entry per field at fault (validation errors)' }) errors?: FieldProblemResponse[];
  @ApiProperty({ description: 'the X-Request-Id of the request, to find it in the logs', example: '0b6f3c1e-4f1d-4d55-9a43-2b1b6c9f5e21' }) requestId!: string;
}
