import { registerEnumType } from '@nestjs/graphql';
import { DeclineReason, DismissReason, IntroductionStatus, MatchList, PathwayStepKind, RecordType } from '@kakehashi/matching';

/* The matchmaker's enums, registered once; models and inputs import them from here. */
registerEnumType(MatchList, { name: 'MatchList', description: 'Which suggestion list: partners for a need, peers or mentors of a municipality.' });
registerEnumType(DismissReason, { name: 'DismissReason' });
registerEnumType(DeclineReason, { name: 'DeclineReason' });
registerEnumType(IntroductionStatus, { name: 'IntroductionStatus' });
registerEnumType(RecordType, { name: 'RecordType', description: 'The kind of record a reason rests on.' });
registerEnumType(PathwayStepKind, { name: 'PathwayStepKind' });

export { DeclineReason, DismissReason, IntroductionStatus, MatchList, PathwayStepKind, RecordType };
