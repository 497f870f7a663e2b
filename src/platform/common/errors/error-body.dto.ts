import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'NO_AGENT_AVAILABLE', description: 'Stable UPPER_SNAKE error code' })
  error: string;
  @ApiProperty({ example: 'No matching agent is available' }) message: string;
  @ApiPropertyOptional({
    description: 'Structured detail, e.g. the bad fields of a validation failure',
  })
  details?: unknown;
}
