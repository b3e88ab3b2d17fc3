import { Module } from '@nestjs/common';
import { CatalogueRepository } from './catalogue.repository';

@Module({ providers: [CatalogueRepository], exports: [CatalogueRepository] })
export class CatalogueModule {}
