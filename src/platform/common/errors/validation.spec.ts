import { IsEmail, IsInt, Max, Min, ValidateNested, IsString } from 'class-validator';
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
