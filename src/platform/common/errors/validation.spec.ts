import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsInt, IsOptional, Max, Min, ValidateNested, IsString } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe, flattenValidationErrors } from './validation';

class Tag {
  @IsString() tag: string;
  @IsInt() @Min(1) @Max(5) proficiency: number;
}
class Body {
  @ValidateNested({ each: true }) @Type(() => Tag) dialects: Tag[];
}

describe('flattenValidationErrors', () => {
  it('names nested fields by path', () => {
    const body = plainToInstance(Body, {
      dialects: [
        { tag: 'yue', proficiency: 1 },
        { tag: 7, proficiency: 9 },
      ],
    });
    const fields = flattenValidationErrors(validateSync(body)).map((f) => f.field);
    expect(fields).toEqual(['dialects.1.tag', 'dialects.1.proficiency']);
  });
});

class EmailBody {
  @IsEmail() email: string;
}

describe('createValidationPipe', () => {
  it('turns a validator that throws on odd input (a lone surrogate) into a 400, not a 500', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform({ email: '\uFFFF\uD800' }, { type: 'body', metatype: EmailBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

class Patch {
  @ApiPropertyOptional() @IsOptional() @IsString() timeZone?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() teamId?: string | null;
  @ApiPropertyOptional({ type: [Tag] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Tag)
  dialects?: Tag[];
}
class Named {
  @ApiProperty() @IsString() name: string;
}

describe('createValidationPipe: what no DTO accepts', () => {
  const pipe = createValidationPipe();
  const fieldsOf = (e: unknown) =>
    ((e as DomainError).details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
  const reject = (value: unknown, metatype: new () => object, type: 'body' | 'query' = 'body') =>
    pipe.transform(value, { type, metatype }).then(
      () => {
        throw new Error('accepted');
      },
      (e: unknown) => {
        expect(e).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
        return fieldsOf(e);
      },
    );

  it('rejects null for a field not declared nullable, at any depth, and accepts declared ones', async () => {
    expect(await reject({ timeZone: null }, Patch)).toEqual(['timeZone']);
    expect(await reject({ dialects: [{ tag: null, proficiency: 3 }] }, Patch)).toEqual([
      'dialects.0.tag',
    ]);
    await expect(
      pipe.transform({ teamId: null }, { type: 'body', metatype: Patch }),
    ).resolves.toMatchObject({ teamId: null });
  });

  it('rejects a NUL character in any string of a body, query or path parameter', async () => {
    expect(await reject({ name: 'a\u0000b' }, Named)).toEqual(['name']);
    expect(await reject({ dialects: [{ tag: 'yue\u0000', proficiency: 3 }] }, Patch)).toEqual([
      'dialects.0.tag',
    ]);
    const param = await pipe
      .transform('\u0000', { type: 'param', data: 'id', metatype: String })
      .catch((e: unknown) => e);
    expect(param).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(fieldsOf(param)).toEqual(['id']);
  });

  it('rejects prototype keys like any unknown field (class-transformer drops them silently)', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = JSON.parse(`{"name":"x","${key}":{"polluted":true}}`);
      expect(await reject(body, Named)).toEqual([key]);
    }
    expect(await reject(JSON.parse('{"dialects":[{"__proto__":{}}]}'), Patch)).toEqual([
      'dialects.0.__proto__',
    ]);
  });
});
