import { Controller, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ImportUploadedCatalogueRequest, KnowledgeSubjects } from '@d115/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonQuery } from '../http/contract-params';
import { Forwards } from '../http/reply.decorator';
import { CatalogueUploadOptions, UploadCatalogueUsecase } from './upload-catalogue.usecase';

/** Catalogue files (XZuFi, DLDB, d115 JSON) uploaded by admins and imported by the knowledge service. */
@ApiTags('knowledge')
@Controller('api/v1/knowledge/catalogue/imports')
@Roles('admin')
export class CatalogueImportController {
  constructor(private readonly upload: UploadCatalogueUsecase) {}

  @Post()
  @Forwards(KnowledgeSubjects.importCatalogue, {
    summary: 'Upload a catalogue file (multipart/form-data, part `file`) and import it; the answer is the import report',
    description:
      'The file is streamed to the knowledge service through a JetStream object store, never held whole; ' +
      'at most CATALOGUE_UPLOAD_LIMIT_BYTES (413 REQUEST.TOO_LARGE beyond). The format is recognised from the content.',
    status: HttpStatus.CREATED,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  create(
    @CurrentUser() user: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @JsonQuery(ImportUploadedCatalogueRequest, ['actor', 'object', 'filename']) options: CatalogueUploadOptions,
  ) {
    return this.upload.execute(user, request, reply, options);
  }
}
