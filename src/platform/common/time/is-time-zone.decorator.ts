import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidTimeZone } from './time-zone';

export function IsTimeZone(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an IANA time zone such as Asia/Shanghai`,
        ...options,
      },
      validator: { validate: (value: unknown) => isValidTimeZone(value) },
    });
}
