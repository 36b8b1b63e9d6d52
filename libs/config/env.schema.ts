import { Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every environment variable the platform reads, in one place. Nothing else in
 * the code base touches process.env: it asks AppConfig (see app-config.ts).
 * Defaults make `npm start` work on a fresh machine with no configuration.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional()
  @IsIn(APP_ROLES)
  APP_ROLE?: AppRole;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  HOST?: string;

  /** Public base URL used in links (emails, certificates). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** mysql://user:pass@host:3306/db. Absent: the embedded SQLite file under DATA_DIR. */
  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/[^\s]+$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL?: string;

  /** Folder for the SQLite file, uploaded files and generated dev keys. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  DATA_DIR?: string;

  /** SQLite file name inside DATA_DIR, or ':memory:' (tests). */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  SQLITE_FILE?: string;

  /** redis://host:6379/0. Absent: jobs run in-process. */
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  /** Prefix of every BullMQ key, so that several deployments (or test runs) share one Redis. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, {
    message: 'QUEUE_PREFIX may hold letters, digits, ":", "_" and "-" (at most 64)',
  })
  QUEUE_PREFIX?: string;

  /** HMAC secret for access tokens and signed cookies. Required in production. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @MaxLength(512)
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @IsBooleanString()
  COOKIE_SECURE?: string;

  /**
   * Behind a load balancer: which X-Forwarded-For hops to trust for the client IP (the rate
   * limits key on it). `true` or a number of hops, or the proxies' addresses / CIDRs.
   */
  @IsOptional()
  @Matches(/^(true|false|0|[1-9]|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of proxy hops or a list of proxy addresses',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Load the demo regions, units and users on first start (default: on for SQLite, off for MySQL). */
  @IsOptional()
  @IsBooleanString()
  DEMO_DATA?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_ATTEMPTS_PER_IP?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(24 * 3600)
  LOGIN_WINDOW_SECONDS?: number;

  /** Largest accepted upload, in megabytes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2048)
  UPLOAD_MAX_MB?: number;

  /** How often the outbox relay polls for rows it was not told about, in milliseconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_MS?: number;

  /**
   * The Ed25519 key that signs certificate credentials: its PKCS#8 PEM, or that PEM
   * base64-encoded on one line. Required in production on MySQL; elsewhere a development
   * key is generated under DATA_DIR. (Checked as a key in app-config.ts.)
   */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  CERTIFICATE_SIGNING_KEY?: string;

  /**
   * Public keys of earlier signing keys, comma-separated (base64 SPKI DER or did:key): the
   * certificates they signed keep verifying after a key rotation.
   */
  @IsOptional()
  @IsString()
  @MaxLength(16384)
  CERTIFICATE_PREVIOUS_PUBLIC_KEYS?: string;

  // --- Notifications (e-mail) ---

  /** smtp://user:pass@host:587 or smtps://…:465. Absent: e-mails are written to DATA_DIR/mail-outbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must look like smtp://user:password@host:587' })
  SMTP_URL?: string;

  /** Sender of every e-mail: "Bina <no-reply@bina.go.id>" or a bare address. */
  @IsOptional()
  @Matches(/^(?:[^<>\r\n]{1,100} <[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: Bina <no-reply@bina.go.id>',
  })
  @MaxLength(254)
  MAIL_FROM?: string;

  /** Hour (WIB, 0-23) at which the daily digest e-mails go out. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  DIGEST_HOUR_WIB?: number;

  /** Days a monitoring export (CSV/XLSX) stays downloadable before the daily sweep deletes it. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  MONITORING_EXPORT_TTL_DAYS?: number;

  /** Seconds a node's dashboard overview is served from memory (0: always read the rollups). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  MONITORING_CACHE_SECONDS?: number;
}
