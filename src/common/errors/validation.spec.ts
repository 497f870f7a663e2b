import { IsInt, Max, Min, ValidateNested, IsString } from 'class-validator';
import { Type, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation';

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
