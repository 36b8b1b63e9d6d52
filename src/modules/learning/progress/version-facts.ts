import { Injectable } from '@nestjs/common';
import { CatalogApi, CompletionFacts } from '../../catalog/catalog.api';

const MAX_CACHED = 500;

/**
 * Completion facts of course versions. Learners are only ever on published (frozen)
 * versions, so the facts of a version never change and can be kept in memory; the cache
 * is bounded and drops its oldest entry first.
 */
@Injectable()
export class VersionFacts {
  private readonly cache = new Map<string, CompletionFacts>();

  constructor(private readonly catalog: CatalogApi) {}

  async of(versionId: string): Promise<CompletionFacts | null> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const facts = await this.catalog.completionFacts(versionId);
    if (!facts || !facts.frozen) return facts;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(versionId, facts);
    return facts;
  }
}
