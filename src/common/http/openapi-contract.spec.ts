import type { OpenAPIObject } from '@nestjs/swagger';
import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { completeContract, PUBLIC_OPERATION } from './openapi-contract';

export class ContractSpecInputDto {
  @MaxLength(128)
  name!: string;

  @IsOptional()
  @Min(1)
  @IsInt()
  count?: number;
}

export class ContractSpecListQuery {
  @IsOptional()
  @MaxLength(64)
  buyerId?: string;

  @IsOptional()
  @IsInt()
  limit?: number;
}

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/health': { get: { [PUBLIC_OPERATION]: true, responses: { '200': { description: 'up' } } } as never },
      '/v1/things/{id}': {
        post: {
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ContractSpecInputDto' } } } },
          responses: {
            '201': { description: 'created' },
            '409': { description: 'THING_EXISTS' },
          },
        },
      },
      '/v1/things/{id}/export': {
        get: {
          security: [{ bearer: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'file', content: { 'text/csv': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/v1/things': {
        get: {
          security: [{ bearer: [] }],
          parameters: [
            { name: 'buyerId', in: 'query', required: false, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'number' } },
          ],
          responses: { '200': { description: 'a page' } },
        },
      },
    },
    components: {
      schemas: {
        ContractSpecInputDto: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'number' } } },
        ThingResponse: { type: 'object', properties: { createdAt: { type: 'string' }, kind: { type: 'string', nullable: true, enum: ['a', 'b'] } } },
      },
    },
  };
}

describe('completeContract', () => {
  const doc = completeContract(document());
  const post = doc.paths['/v1/things/{id}'].post!;

  it('marks public routes with security: [] and the rest with the opaque bearer key', () => {
    expect(doc.paths['/health'].get).toMatchObject({ security: [] });
    expect(doc.paths['/health'].get).not.toHaveProperty(PUBLIC_OPERATION);
    expect(Object.keys(doc.paths['/health'].get!.responses)).toEqual(['200']);
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components!.securitySchemes!.bearer).not.toHaveProperty('bearerFormat');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('adds the errors an operation can answer, each with the ErrorResponse body, keeping the documented ones', () => {
    expect(Object.keys(post.responses)).toEqual(['201', '400', '401', '404', '409', '413', '415', '429']);
    expect(post.responses['409']).toMatchObject({
      description: 'THING_EXISTS',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
    expect(post.parameters![0]).toMatchObject({ schema: { type: 'string', format: 'uuid' } });
  });

  it('types text/* bodies as strings', () => {
    const content = (doc.paths['/v1/things/{id}/export'].get!.responses['200'] as { content: Record<string, unknown> }).content;
    expect(content['text/csv']).toEqual({ schema: { type: 'string' } });
    expect(content['application/json']).toEqual({ schema: { type: 'object', additionalProperties: true } });
  });

  it('gives query parameters the limits of the query class they come from', () => {
    expect(doc.paths['/v1/things'].get!.parameters).toEqual([
      expect.objectContaining({ name: 'buyerId', schema: { type: 'string', maxLength: 64 } }),
      expect.objectContaining({ name: 'limit', schema: { type: 'integer' } }),
    ]);
  });

  it('states validator limits, response timestamps and null in nullable enums', () => {
    const schemas = doc.components!.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(schemas.ContractSpecInputDto.properties).toEqual({ name: { type: 'string', maxLength: 128 }, count: { type: 'integer', minimum: 1 } });
    expect(schemas.ThingResponse.properties).toEqual({
      createdAt: { type: 'string', format: 'date-time' },
      kind: { type: 'string', nullable: true, enum: ['a', 'b', null] },
    });
  });
});
