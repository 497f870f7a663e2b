import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ErlangRequestDto {
  @ApiProperty({ example: 100, description: 'Calls offered in one interval' })
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  callsPerInterval: number;

  @ApiProperty({ example: 30 }) @IsInt() @IsIn([5, 10, 15, 20, 30, 60]) intervalMinutes: number;

  @ApiProperty({ example: 180, description: 'Average handle time, seconds' })
  @IsNumber()
  @Min(1)
  @Max(36_000)
  ahtSeconds: number;

  @ApiProperty({ example: 0.8, description: 'Share of calls answered within targetAnswerSeconds' })
  @IsNumber()
  @Min(0.01)
  @Max(0.9999)
  targetServiceLevel: number;

  @ApiProperty({ example: 20 }) @IsNumber() @Min(0) @Max(3600) targetAnswerSeconds: number;

  @ApiPropertyOptional({ example: 0.3, description: 'Base shrinkage 0..0.9' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(0.9)
  shrinkage?: number;

  @ApiPropertyOptional({ example: 0.85 })
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(1)
  maxOccupancy?: number;

  @ApiPropertyOptional({
    example: 120,
    description: 'Mean caller patience, seconds: when given, Erlang A (with abandonment) is used',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(36_000)
  patienceSeconds?: number;

  @ApiPropertyOptional({
    example: 0.05,
    description:
      'Share of calls that are hostile (wellbeing shrinkage; with recoveryMinutesPerHostileCall)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  hostileCallRate?: number;

  @ApiPropertyOptional({ example: 7, description: 'Enforced recovery minutes per hostile call' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(240)
  recoveryMinutesPerHostileCall?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Figures left out come from this team: base shrinkage from its planning settings; hostileCallRate and recoveryMinutesPerHostileCall from its recent call history and wellbeing policy (its settings without history). shrinkage.sources says which',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({
    example: 20,
    description:
      'Callbacks to make in the interval: their work (× attempts × handle time) is added as its own line (callbacks). With teamId and left out: the team’s callbacks per interval over its last wellbeingHistoryWeeks',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100_000)
  callbacksPerInterval?: number;

  @ApiPropertyOptional({
    example: 1.5,
    description:
      'Attempts per callback (no answer, busy and retries included). Left out: the team’s recent mean (teamId), else 1',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(20)
  callbackAttemptsPerCallback?: number;

  @ApiPropertyOptional({
    example: 240,
    description:
      'Outbound handle time per attempt, seconds. Left out: the team’s recent callback calls (teamId), else ahtSeconds',
  })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(36_000)
  callbackHandleSeconds?: number;
}

export type FigureSource = 'request' | 'history' | 'setting' | 'none';

export interface ShrinkageSources {
  base: FigureSource;
  hostileCallRate: FigureSource;
  recoveryMinutesPerHostileCall: FigureSource;
  maxOccupancy: 'request' | 'setting' | 'team-cap' | 'none';
}

export class ShrinkageSourcesDto implements ShrinkageSources {
  @ApiProperty({
    enum: ['request', 'setting', 'none'],
    description: "request: given; setting: the team's planning setting; none: 0",
  })
  base: FigureSource;
  @ApiProperty({
    enum: ['request', 'history', 'setting', 'none'],
    description:
      "history: the hostile share of the team's answered calls in the last wellbeingHistoryWeeks; setting: the team's stored figure (no history); none: no wellbeing part",
  })
  hostileCallRate: FigureSource;
  @ApiProperty({
    enum: ['request', 'history', 'setting', 'none'],
    description:
      "history: the minutes the team's wellbeing policy granted per recovery (escalations included), or its minutes by severity weighted by the observed mix; setting: the stored figure (no hostile call seen)",
  })
  recoveryMinutesPerHostileCall: FigureSource;
  @ApiProperty({
    enum: ['request', 'setting', 'team-cap', 'none'],
    description:
      "request: given; setting: the team's planning setting; team-cap: the team's occupancy cap (with teamId and no setting); none: no occupancy limit",
  })
  maxOccupancy: 'request' | 'setting' | 'team-cap' | 'none';
}

export class WellbeingInputsDto {
  @ApiProperty() hostileCallRate: number;
  @ApiProperty() recoveryMinutesPerHostileCall: number;
}

export class ShrinkageBreakdownDto {
  @ApiProperty({ description: 'Requested base shrinkage' }) base: number;
  @ApiProperty({
    description:
      'Enforced recovery as a share of rostered time: R ÷ N, with R = traffic × hostileCallRate × recovery seconds ÷ AHT and N = (rawAgents + R) ÷ (1 − base)',
  })
  wellbeing: number;
  @ApiProperty({
    description: 'base + wellbeing (capped at 0.95); agents = ceil(raw / (1 − total))',
  })
  total: number;
  @ApiPropertyOptional({
    description: 'true when base + wellbeing went above 0.95 and was cut to it: staffing is short',
  })
  capped?: boolean;
  @ApiPropertyOptional({ description: 'base + wellbeing before the cap (only when capped)' })
  uncappedTotal?: number;
  @ApiPropertyOptional({ type: ShrinkageSourcesDto, description: 'Where each figure came from' })
  sources?: ShrinkageSourcesDto;
  @ApiPropertyOptional({ type: WellbeingInputsDto, description: 'The wellbeing figures used' })
  wellbeingInputs?: WellbeingInputsDto;
}

export class CallbackSourcesDto {
  @ApiProperty({
    enum: ['request', 'history'],
    description:
      'history: the team’s callbacks with their window starting in the last wellbeingHistoryWeeks, per interval',
  })
  callbacksPerInterval: 'request' | 'history';
  @ApiProperty({
    enum: ['request', 'history', 'default'],
    description:
      'history: mean attempts of the team’s recent callbacks attempted at least once; default: 1',
  })
  attemptsPerCallback: 'request' | 'history' | 'default';
  @ApiProperty({
    enum: ['request', 'history', 'inbound-aht'],
    description:
      'history: mean recorded duration of the team’s recent callback calls (the last attempt of each); inbound-aht: ahtSeconds',
  })
  handleSecondsPerAttempt: 'request' | 'history' | 'inbound-aht';
}

export class CallbackLoadDto {
  @ApiProperty() callbacksPerInterval: number;
  @ApiProperty() attemptsPerCallback: number;
  @ApiProperty() handleSecondsPerAttempt: number;
  @ApiProperty({
    description: 'callbacks × attempts × handle seconds ÷ interval seconds (busy agents)',
  })
  workloadErlangs: number;
  @ApiProperty({
    description:
      'Whole agents added to rawAgents for it: ceil(workload ÷ maxOccupancy (1 without)); deferrable work, not queued against the answer target',
  })
  agents: number;
  @ApiProperty({ type: CallbackSourcesDto }) sources: CallbackSourcesDto;
}

export class ErlangResponseDto {
  @ApiProperty({ example: 14 }) rawAgents: number;
  @ApiProperty({ example: 20 }) agents: number;
  @ApiProperty({ example: 0.8884 }) serviceLevel: number;
  @ApiProperty({ example: 0.1741 }) probabilityOfWaiting: number;
  @ApiProperty({ example: 7.84 }) asaSeconds: number;
  @ApiProperty({ example: 0.7143 }) occupancy: number;
  @ApiPropertyOptional({ description: 'Erlang A only' }) abandonmentProbability?: number;
  @ApiProperty({ enum: ['erlang-c', 'erlang-a'] }) model: 'erlang-c' | 'erlang-a';
  @ApiProperty({ example: 10 }) trafficErlangs: number;
  @ApiProperty({ type: ShrinkageBreakdownDto }) shrinkage: ShrinkageBreakdownDto;
  @ApiPropertyOptional({
    description:
      'With callback work: the inbound agents alone (rawAgents − callbacks.agents); serviceLevel, probabilityOfWaiting, asaSeconds and occupancy are at these',
  })
  inboundRawAgents?: number;
  @ApiPropertyOptional({
    type: CallbackLoadDto,
    description:
      'The callback work, its own line: present when callbacksPerInterval is given or the team (teamId) had callbacks',
  })
  callbacks?: CallbackLoadDto;
}
