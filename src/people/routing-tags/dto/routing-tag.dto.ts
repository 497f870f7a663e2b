import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

export class RoutingTagDto {
  @ApiProperty({
    example: 'cmn-x-wuhan',
    description: 'BCP 47 language tag (dialects) or lowercase slug (skills)',
  })
  @IsString()
  @Length(1, 40)
  tag: string;
  @ApiProperty({ enum: ['dialect', 'skill'] }) @IsIn(['dialect', 'skill']) kind:
    'dialect' | 'skill';
  @ApiProperty({ example: 'Wuhan' }) @IsString() @Length(1, 100) label: string;
}

export class RoutingTagListDto {
  @ApiProperty({ type: [RoutingTagDto] }) tags: RoutingTagDto[];
}
