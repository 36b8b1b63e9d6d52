export {
  PublicKeyLike,
  SignedCredential,
  signCredential,
  SigningKey,
  signingKeyFrom,
  VerificationFailure,
  VerificationResult,
  verifyCredential,
} from './credential';
export { CRYPTOSUITE, DataIntegrityProof } from './data-integrity';
export { didKeyOf, publicKeyFromDidKey, publicKeyMultibase, verificationMethodOf } from './did-key';
export { buildCredential, CREDENTIAL_CONTEXTS, CredentialInput, UnsignedCredential } from './open-badge';
