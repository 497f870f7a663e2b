import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { ManualClock } from '../../src/platform/common/clock/clock';
import { AppConfig, loadConfig, LOCAL_DEFAULTS } from '../../src/platform/config/app-config';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  agentId?: string;
}

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}${process.pid}${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * A real Shiftwell app over HTTP on its own cloned database, with a manual clock.
 * Pass `databaseUrl` of another TestApp to run a second replica on the same database.
 */
export class TestApp {
  private adminTokenCache?: string;

  private constructor(
    readonly app: INestApplication,
    readonly clock: ManualClock,
    readonly databaseUrl: string,
    readonly config: AppConfig,
    private readonly ownsDatabase: boolean,
  ) {}

  static async create(
    options: { clock?: ManualClock; databaseUrl?: string; env?: Record<string, string> } = {},
  ): Promise<TestApp> {
    const ownsDatabase = !options.databaseUrl;
    const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
    const config = loadConfig({
      NODE_ENV: 'test',
      JOBS_ENABLED: 'false',
      DATABASE_POOL_SIZE: '10',
      // Throw-away accounts: OWASP's minimum argon2id cost, a third of the standard's time.
      PASSWORD_HASHING: 'minimum',
      ...options.env,
    });
    const clock = options.clock ?? new ManualClock();
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.register({ config, databaseUrl, clock })],
    }).compile();
    const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
    configureApp(app);
    await app.init();
    return new TestApp(app, clock, databaseUrl, config, ownsDatabase);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  private baseUrl?: Promise<string>;

  /** Listens on an ephemeral port, for tests that race many real requests (fetch). */
  url(): Promise<string> {
    this.baseUrl ??= this.app.listen(0, '127.0.0.1').then(() => {
      const { port } = this.app.getHttpServer().address() as { port: number };
      return `http://127.0.0.1:${port}`;
    });
    return this.baseUrl;
  }

  /** An agent without a login (as the router knows most agents): cheap to make in bulk. */
  async createRoutableAgent(
    body: {
      teamId?: string;
      dialects?: Array<{ tag: string; proficiency: number }>;
      skills?: Array<{ tag: string; proficiency: number }>;
    } = {},
  ): Promise<{ agentId: string; externalId: string }> {
    const externalId = unique('ext');
    const res = await this.http()
      .post('/v1/agents')
      .set(await this.asAdmin())
      .send({
        externalId,
        displayName: 'Routable Agent',
        dialects: body.dialects ?? [{ tag: 'cmn', proficiency: 5 }],
        skills: body.skills ?? [],
        ...(body.teamId ? { teamId: body.teamId } : {}),
      })
      .expect(201);
    return { agentId: res.body.id, externalId };
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsDatabase) await dropTestDatabase(this.databaseUrl);
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.http().post('/v1/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken;
  }

  async adminToken(): Promise<string> {
    this.adminTokenCache ??= await this.login(
      LOCAL_DEFAULTS.bootstrapAdminEmail,
      LOCAL_DEFAULTS.bootstrapAdminPassword,
    );
    return this.adminTokenCache;
  }

  async asAdmin() {
    return { Authorization: `Bearer ${await this.adminToken()}` };
  }

  async createSite(name = unique('site'), timeZone = 'Asia/Shanghai'): Promise<string> {
    const res = await this.http()
      .post('/v1/sites')
      .set(await this.asAdmin())
      .send({ name, timeZone })
      .expect(201);
    return res.body.id;
  }

  async createTeam(siteId?: string): Promise<string> {
    const site = siteId ?? (await this.createSite());
    const res = await this.http()
      .post('/v1/teams')
      .set(await this.asAdmin())
      .send({ name: unique('team'), siteId: site })
      .expect(201);
    return res.body.id;
  }

  /** A person with the given roles, logged in. */
  async createUser(roles: string[], teamId?: string): Promise<TestUser> {
    const email = `${unique('user')}@example.com`;
    const password = 'test-password-1';
    const res = await this.http()
      .post('/v1/users')
      .set(await this.asAdmin())
      .send({ email, password, displayName: 'Test User', roles, ...(teamId ? { teamId } : {}) })
      .expect(201);
    return { id: res.body.id, email, password, token: await this.login(email, password) };
  }

  /** An agent with a login (role agent), logged in. */
  async createAgent(
    body: {
      teamId?: string;
      dialects?: Array<{ tag: string; proficiency: number }>;
      skills?: Array<{ tag: string; proficiency: number }>;
      externalId?: string;
    } = {},
  ): Promise<TestUser & { agentId: string; externalId: string }> {
    const email = `${unique('agent')}@example.com`;
    const password = 'agent-password-1';
    const externalId = body.externalId ?? unique('ext');
    const res = await this.http()
      .post('/v1/agents')
      .set(await this.asAdmin())
      .send({
        externalId,
        displayName: 'Test Agent',
        email,
        password,
        dialects: body.dialects ?? [{ tag: 'cmn', proficiency: 5 }],
        skills: body.skills ?? [],
        ...(body.teamId ? { teamId: body.teamId } : {}),
      })
      .expect(201);
    return {
      id: res.body.userId,
      agentId: res.body.id,
      externalId,
      email,
      password,
      token: await this.login(email, password),
    };
  }

  async createRouterKey(): Promise<string> {
    const res = await this.http()
      .post('/v1/api-keys')
      .set(await this.asAdmin())
      .send({ name: unique('router'), role: 'router' })
      .expect(201);
    return res.body.key;
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const routerKey = (key: string) => ({ 'X-Api-Key': key });
