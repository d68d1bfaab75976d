import { signatureHeader, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature', () => {
  const body = '{"event":"reply.published"}';

  it('signs timestamp and body with the shared secret', () => {
    const signature = signWebhook('s3cret-s3cret-s3cret', 1_800_000_000, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1800000000', body, signature, 1_800_000_010)).toBe(true);
  });

  it('rejects another secret, a changed body, a changed timestamp and an old request', () => {
    const signature = signWebhook('s3cret-s3cret-s3cret', 1_800_000_000, body);
    expect(verifyWebhook('other-secret-other', '1800000000', body, signature, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1800000000', `${body} `, signature, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1800000001', body, signature, 1_800_000_010)).toBe(false);
    expect(verifyWebhook('s3cret-s3cret-s3cret', '1800000000', body, signature, 1_800_001_000)).toBe(false);
  });
});

describe('event signature header', () => {
  const body = '{"event":"case.revised"}';

  it('carries one signature per secret during a rotation, and either secret verifies', () => {
    const header = signatureHeader(['new-secret-new-secret', 'old-secret-old-secret'], 1_800_000_000, body);
    expect(header.split(', ')).toHaveLength(2);
    expect(verifyWebhook('new-secret-new-secret', '1800000000', body, header, 1_800_000_010)).toBe(true);
    expect(verifyWebhook('old-secret-old-secret', '1800000000', body, header, 1_800_000_010)).toBe(true);
    expect(verifyWebhook('third-secret-third-se', '1800000000', body, header, 1_800_000_010)).toBe(false);
  });

  it('is exactly the reply webhook signature with a single secret', () => {
    expect(signatureHeader(['only-secret-only-secret'], 1_800_000_000, body)).toBe(signWebhook('only-secret-only-secret', 1_800_000_000, body));
  });
});
