import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { PRINTABLE_ID } from './router-ids';

/**
 * Who may take a call, as the router asks for it in a reservation, an enqueue, a fallback step
 * and a callback: one shape and one set of limits for all four (the fast lane reads the same).
 */
export const DialectField = (example = 'cmn-x-wuhan') =>
  applyDecorators(
    ApiPropertyOptional({ example, maxLength: 40 }),
    IsOptional(),
    IsString(),
    Length(1, 40),
  );

export const MinProficiencyField = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Applies to dialect' }),
    IsOptional(),
    IsInt(),
    Min(1),
    Max(5),
  );

export const SkillsField = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 10, description: 'All must match' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(10),
    IsString({ each: true }),
    Length(1, 40, { each: true }),
  );

/** A router's id field: 1..`maxLength` printable ASCII without spaces, said so when it is not. */
export const PrintableIdField = (name: string, maxLength: number) =>
  applyDecorators(
    IsString(),
    Length(1, maxLength),
    Matches(PRINTABLE_ID, { message: `${name} must be printable ASCII without spaces` }),
  );
