import { Column, Entity } from 'typeorm';
import { BaseRecord } from '@kakehashi/database';

@Entity('topic')
export class TopicEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 100, unique: true })
  key: string;

  @Column({ name: 'parent_key', type: 'varchar', length: 100, nullable: true })
  parentKey: string | null;

  @Column({ name: 'label_en', type: 'varchar', length: 200 })
  labelEn: string;

  @Column({ name: 'label_ja', type: 'varchar', length: 200 })
  labelJa: string;

  @Column({ name: 'synonyms_en', type: 'text', array: true })
  synonymsEn: string[];

  @Column({ name: 'synonyms_ja', type: 'text', array: true })
  synonymsJa: string[];

  @Column({ type: 'integer' })
  position: number;
}
