import { ValidationFailed } from '../common/errors/domain-error';
import { normaliseCorrection, TagsCorrection } from './tag-corrections.service';

describe('normaliseCorrection', () => {
  it.each<[string, TagsCorrection, { tags: string[]; subTags: string[] }]>([
    ['orders tags as the taxonomy does', { tags: ['service', 'quality'] }, { tags: ['quality', 'service'], subTags: [] }],
    [
      'drops duplicate tags and sub-tags',
      { tags: ['logistics', 'logistics'], subTags: ['tracking', 'tracking'] },
      { tags: ['logistics'], subTags: ['tracking'] },
    ],
    [
      'sorts sub-tags',
      { tags: ['quality', 'logistics'], subTags: ['smell', 'damaged_parcel'] },
      { tags: ['quality', 'logistics'], subTags: ['damaged_parcel', 'smell'] },
    ],
    ['accepts other alone', { tags: ['other'] }, { tags: ['other'], subTags: [] }],
  ])('%s', (_name, input, expected) => {
    expect(normaliseCorrection(input)).toEqual(expected);
  });

  it.each<[string, TagsCorrection, { field: string; code: string }]>([
    ['a sub-tag whose tag is missing', { tags: ['quality'], subTags: ['slow_delivery'] }, { field: 'subTags[0]', code: 'subTagWithoutTag' }],
    ['the second sub-tag out of place', { tags: ['price'], subTags: ['price_drop', 'attitude'] }, { field: 'subTags[1]', code: 'subTagWithoutTag' }],
    ['other with a cause', { tags: ['other', 'price'] }, { field: 'tags', code: 'otherIsExclusive' }],
  ])('refuses %s', (_name, input, problem) => {
    try {
      normaliseCorrection(input);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).problems).toContainEqual(expect.objectContaining(problem));
    }
  });
});
