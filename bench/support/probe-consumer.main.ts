import 'reflect-metadata';
import { runService } from '@d115/platform';
import { consumerService } from '@d115/testing';

/** The probe consumer as its own process, as a real consuming service would run. */
void runService(consumerService);
