import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ImportAgentsDto {
  @ApiProperty({
    description:
      'CSV text with a header row: external_id, display_name, dialects, skills (tags as tag:proficiency separated by ;)',
    example:
      'external_id,display_name,dialects,skills\n8001,Wang Fang,cmn:5;cmn-x-wuhan:4,returns:3',
  })
  @IsString()
  @MaxLength(240_000)
  csv: string;

  @ApiPropertyOptional({ description: 'The team every imported agent joins' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: 'Only check the rows; create nothing', default: false })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line of the file (the header is line 1)' }) line: number;
  @ApiProperty({ example: 'dialects' }) field: string;
  @ApiProperty({
    enum: [
      'REQUIRED',
      'INVALID_FORMAT',
      'DUPLICATE_IN_FILE',
      'DUPLICATE_EXTERNAL_ID',
      'UNKNOWN_TAG',
      'DUPLICATE_TAG',
    ],
  })
  code: string;
  @ApiProperty() message: string;
}

export class ImportAgentsResultDto {
  @ApiProperty({ description: 'Data rows in the file' }) rows: number;
  @ApiProperty({ description: 'Rows without errors' }) valid: number;
  @ApiProperty({ description: 'Agents created (0 on a dry run)' }) created: number;
  @ApiProperty({
    type: [ImportRowErrorDto],
    description: 'Every problem, by line; such rows are skipped',
  })
  errors: ImportRowErrorDto[];
}
