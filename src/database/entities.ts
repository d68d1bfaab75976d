import { ClassifierModel } from '../classification/classifier-model.entity';
import { TagCorrection } from '../classification/tag-correction.entity';
import { RecoveryCaseEvent } from '../recovery/recovery-case-event.entity';
import { RecoveryCase } from '../recovery/recovery-case.entity';
import { RecoveryContact } from '../recovery/recovery-contact.entity';
import { RecoverySettings } from '../recovery/recovery-settings.entity';
import { ReviewerProfile } from '../reviewers/reviewer-profile.entity';
import { ApiKey } from '../shops/api-key.entity';
import { Shop } from '../shops/shop.entity';
import { StaffMember } from '../shops/staff-member.entity';
import { ReviewRevision } from '../reviews/review-revision.entity';
import { Review } from '../reviews/review.entity';

/** Every entity of the service: the data source, the migration generator and the tests read this list. */
export const ENTITIES = [Shop, ApiKey, Review, ReviewRevision, TagCorrection, ClassifierModel, ReviewerProfile, StaffMember, RecoverySettings, RecoveryCase, RecoveryContact, RecoveryCaseEvent];
