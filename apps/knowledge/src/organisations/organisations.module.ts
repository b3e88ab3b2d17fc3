import { Module } from '@nestjs/common';
import { ResponsibilitiesRepository } from './responsibilities.repository';

@Module({ providers: [ResponsibilitiesRepository], exports: [ResponsibilitiesRepository] })
export class OrganisationsModule {}
