import { randomUUID } from 'node:crypto';
import { draftJobId } from './auto-drafts.service';

describe('draftJobId', () => {
  const shopId = randomUUID();
  const ids = [randomUUID(), randomUUID(), randomUUID()];

  it('is the same for the same reviews in any order, so a sweep and the analysis enqueue one job', () => {
    expect(draftJobId(shopId, ids)).toBe(draftJobId(shopId, [...ids].reverse()));
  });

  it('differs by shop, by reviews and by how often the job was put off', () => {
    const jobIds = new Set([draftJobId(shopId, ids), draftJobId(randomUUID(), ids), draftJobId(shopId, ids.slice(1)), draftJobId(shopId, ids, 1)]);
    expect(jobIds.size).toBe(4);
  });

  it('has no colon, which BullMQ refuses in custom job ids', () => {
    expect(draftJobId(shopId, ids, 3)).not.toContain(':');
  });
});
