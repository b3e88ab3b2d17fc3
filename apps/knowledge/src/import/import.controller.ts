import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ImportReport, ImportUploadedCatalogueRequest, KnowledgeSubjects } from '@d115/contracts';
import { ImportUploadedCatalogueUsecase } from './usecases/import-uploaded-catalogue/import-uploaded-catalogue.usecase';

/** `d115.knowledge.catalogue.import`: catalogue files uploaded through the gateway. */
@Controller()
export class ImportController {
  constructor(private readonly importUploaded: ImportUploadedCatalogueUsecase) {}

  @MessagePattern(KnowledgeSubjects.importCatalogue)
  import(@Payload() cmd: ImportUploadedCatalogueRequest): Promise<ImportReport> {
    return this.importUploaded.execute(cmd);
  }
}
