using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TumourBoard.Web.Features.Api;

/// <summary>Titles the OpenAPI document and declares the bearer token that every /api/v1 call needs.</summary>
internal sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TumourBoard API",
            Version = "v1",
            Description = "Cases and meetings of the national virtual tumour board. Authenticate with a personal access token: `Authorization: Bearer <token>`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token, created on the /tokens page.",
        };
        // Every documented operation needs the token.
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
