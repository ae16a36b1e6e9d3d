export * from './upkeep.types';
export * from './overdue';
export * from './upkeep.service';
export * from './upkeep.module';
