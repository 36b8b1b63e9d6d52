import { createHash } from 'node:crypto';
import { formatJp } from '../document/indonesian-format';

/**
 * The certificate as an Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential
 * 2.0): what a learner can carry to another platform or employer and have checked there
 * without asking us. Only terms the OB 3.0 context defines are used, so the credential
 * expands as JSON-LD with no context of our own that could one day go dark.
 */
export const CREDENTIAL_CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

const ACHIEVEMENT_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const COMPETENCY_FRAMEWORK = 'Standar Kompetensi Jabatan ASN (PermenPANRB 38/2017)';

export interface CredentialInput {
  /** The verification URL; it is the credential's `id`. */
  credentialUrl: string;
  /** id: https URL of the issuing unit's profile. */
  issuer: { id: string; name: string };
  holderName: string;
  /** The NIP. Only its salted hash goes into the credential, never the number itself. */
  holderIdentifier: string | null;
  achievement: {
    id: string;
    name: string;
    description: string;
    jp: number;
    competencies: Array<{ code: string; name: string; level: number }>;
  };
  /** ISO date-time. */
  validFrom: string;
  /** YYYY-MM-DD, a WIB day (or a full ISO date-time). */
  completedOn: string;
}

/** OB 3.0 IdentityObject: who the credential is about, in clear or as "sha256$<hex>" of value + salt. */
export interface IdentityObject {
  type: 'IdentityObject';
  identityType: string;
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface Alignment {
  type: ['Alignment'];
  targetType: 'ceasn:Competency';
  targetCode: string;
  targetName: string;
  targetDescription: string;
  targetFramework: string;
  targetUrl: string;
}

export interface Achievement {
  id: string;
  type: ['Achievement'];
  achievementType: 'Course';
  name: string;
  description: string;
  criteria: { narrative: string };
  /** JP (1 JP = 45 minutes), OB's "credit hours" for this course. */
  creditsAvailable: number;
  alignment?: Alignment[];
  inLanguage: 'id';
}

export interface UnsignedCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description: string;
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: IdentityObject[];
    achievement: Achievement;
    creditsEarned: number;
    activityEndDate: string;
  };
  credentialSchema: Array<{ id: string; type: '1EdTechJsonSchemaValidator2019' }>;
}

/**
 * The unsigned credential. `salt` (fresh random per credential) goes into the NIP's hash so
 * that equal NIPs hash differently across credentials; anyone who already knows a NIP can
 * still check it against the hash, which is the point.
 */
export function buildCredential(input: CredentialInput, salt: string): UnsignedCredential {
  const { achievement } = input;
  const identifier: IdentityObject[] = [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.holderName.trim() },
  ];
  if (input.holderIdentifier) identifier.push(hashedNip(input.holderIdentifier, salt));
  const alignment = achievement.competencies.map((c): Alignment => ({
    type: ['Alignment'],
    targetType: 'ceasn:Competency',
    targetCode: c.code,
    targetName: c.name,
    targetDescription: `Level ${c.level}`,
    targetFramework: COMPETENCY_FRAMEWORK,
    // OB requires a URL; the achievement's page is where this alignment is described.
    targetUrl: `${achievement.id}#kompetensi-${encodeURIComponent(c.code)}`,
  }));
  return {
    '@context': [...CREDENTIAL_CONTEXTS],
    id: input.credentialUrl,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    description: achievement.description,
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        achievementType: 'Course',
        name: achievement.name,
        description: achievement.description,
        criteria: {
          narrative: `Menyelesaikan seluruh materi dan penilaian pelatihan "${achievement.name}" (${formatJp(achievement.jp)}) di Bina.`,
        },
        creditsAvailable: achievement.jp,
        ...(alignment.length > 0 ? { alignment } : {}),
        inLanguage: 'id',
      },
      creditsEarned: achievement.jp,
      activityEndDate: /^\d{4}-\d{2}-\d{2}$/.test(input.completedOn)
        ? `${input.completedOn}T00:00:00+07:00`
        : input.completedOn,
    },
    credentialSchema: [{ id: ACHIEVEMENT_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** OB's identity hash: "sha256$" + hex SHA-256 of the value followed by the salt. Spaces in a NIP do not count. */
export function hashedNip(nip: string, salt: string): IdentityObject {
  if (!salt) throw new Error('A NIP is only put in a credential with a salt');
  const digits = nip.replace(/\s+/g, '');
  const hash = createHash('sha256')
    .update(digits + salt, 'utf8')
    .digest('hex');
  return { type: 'IdentityObject', identityType: 'ext:NIP', hashed: true, identityHash: `sha256$${hash}`, salt };
}
