import { Inject, Injectable, Logger } from '@nestjs/common';
import { createPublicKey, KeyObject } from 'node:crypto';
import { AppConfig, APP_CONFIG, ConfigError } from '../../../../libs/config';
import { SigningKey, signingKeyFrom } from '../credential/credential';
import { didKeyOf, publicKeyMultibase, rawEd25519PublicKey, verificationMethodOf } from '../credential/did-key';
import { loadOrCreateDevKey } from './dev-signing-key';
import { privateKeyFromPem, publicKeyFromText } from './key-material';

/** A public key as a Multikey verification method, the form a DID document lists it in. */
export interface PublishedKey {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

/**
 * The platform's certificate key: the Ed25519 private key that signs new credentials, and
 * the public keys whose signatures are accepted (the current one, then earlier ones kept
 * for a rotation). From CERTIFICATE_SIGNING_KEY; without it, a development key under
 * DATA_DIR, except in production on MySQL, where it refuses to start: a key made up on one
 * server would sign credentials that no other server, and no later start, could verify.
 */
@Injectable()
export class PlatformSigningKey {
  private readonly logger = new Logger(PlatformSigningKey.name);
  /** What signs new credentials. */
  readonly current: SigningKey;
  /** Current key first, then the earlier ones; what verifyCredential takes. */
  readonly trusted: readonly KeyObject[];
  /** The trusted keys for publishing, e.g. on the verification page, for checks offline. */
  readonly publicKeys: readonly PublishedKey[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const privateKey = this.privateKeyFor(config);
    this.current = signingKeyFrom(privateKey);
    this.trusted = trustedKeys(createPublicKey(privateKey), config.certificateSigning.previousPublicKeys);
    this.publicKeys = this.trusted.map(published);
  }

  private privateKeyFor(config: AppConfig): KeyObject {
    const { keyPem } = config.certificateSigning;
    if (keyPem) {
      try {
        return privateKeyFromPem(keyPem);
      } catch {
        throw new ConfigError(['CERTIFICATE_SIGNING_KEY: is not an Ed25519 private key']);
      }
    }
    if (config.env === 'production' && config.database.kind === 'mysql') {
      throw new ConfigError([
        'CERTIFICATE_SIGNING_KEY: required when NODE_ENV=production on MySQL. Generate one with ' +
          '`openssl genpkey -algorithm ed25519 | base64 -w0` and keep it secret; every server must use the same key.',
      ]);
    }
    const dev = loadOrCreateDevKey(config.dataDir);
    if (dev.file && dev.created) {
      this.logger.log(
        `Generated a development key for signing certificates at ${dev.file}; set CERTIFICATE_SIGNING_KEY in production`,
      );
    } else if (!dev.file) {
      this.logger.warn(
        `${config.dataDir} cannot hold a certificate signing key: using one kept in memory, so credentials signed now ` +
          'will not verify after a restart. Set CERTIFICATE_SIGNING_KEY or make DATA_DIR writable.',
      );
    }
    return dev.privateKey;
  }
}

function trustedKeys(current: KeyObject, previous: string[]): KeyObject[] {
  const keys = [current];
  previous.forEach((text, i) => {
    let key: KeyObject;
    try {
      key = publicKeyFromText(text);
    } catch {
      throw new ConfigError([`CERTIFICATE_PREVIOUS_PUBLIC_KEYS: entry ${i + 1} is not an Ed25519 public key`]);
    }
    const raw = rawEd25519PublicKey(key);
    if (!keys.some((known) => rawEd25519PublicKey(known).equals(raw))) keys.push(key);
  });
  return keys;
}

function published(key: KeyObject): PublishedKey {
  return {
    id: verificationMethodOf(key),
    type: 'Multikey',
    controller: didKeyOf(key),
    publicKeyMultibase: publicKeyMultibase(key),
  };
}
