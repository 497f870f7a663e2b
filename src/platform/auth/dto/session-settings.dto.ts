import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Bounds of the idle timeout an admin may set, in minutes (the database checks them too). */
export const IDLE_TIMEOUT_MINUTES = { min: 5, max: 720 } as const;

export class UpdateSessionSettingsDto {
  @ApiProperty({
    minimum: IDLE_TIMEOUT_MINUTES.min,
    maximum: IDLE_TIMEOUT_MINUTES.max,
    example: 30,
    description: 'Minutes without use after which a browser session ends',
  })
  @IsInt()
  @Min(IDLE_TIMEOUT_MINUTES.min)
  @Max(IDLE_TIMEOUT_MINUTES.max)
  idleTimeoutMinutes: number;
}

export class SessionSettingsDto {
  @ApiProperty({ example: 30 }) idleTimeoutMinutes: number;
  @ApiProperty({
    description:
      'True while no admin has saved a value: the configuration (SESSION_IDLE_MINUTES) applies',
  })
  isDefault: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When an admin last saved it' })
  updatedAt: string | null;
  @ApiProperty({ minimum: IDLE_TIMEOUT_MINUTES.min }) minimumMinutes: number;
  @ApiProperty({ maximum: IDLE_TIMEOUT_MINUTES.max }) maximumMinutes: number;
}
