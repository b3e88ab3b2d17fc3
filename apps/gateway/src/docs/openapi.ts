import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { readVersion } from '@d115/platform';

/** Serves the OpenAPI document at /docs (UI) and /docs-json (JSON). */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('d115 API')
    .setDescription('HTTP API of the d115 back office of a 115 service center')
    .setVersion(readVersion())
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
