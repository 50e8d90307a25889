using System.Text;
using Cj.Assessment.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Cj.Assessment.Auth;

/// <summary>
/// Admin auth (contracts §7): HS256 JWT with <c>exp</c>, <c>iss</c> and <c>aud</c> required and checked, the
/// <c>roles</c> claim must contain <c>admin</c>. Missing, malformed, expired, wrongly signed, wrong issuer or
/// audience → 401 with <c>WWW-Authenticate: Bearer</c>; a valid token without the role → 403. Both as problems.
/// </summary>
internal static class AdminAuthentication
{
    public const string Policy = "cj_admin";
    public const string RolesClaim = "roles";
    public const string AdminRole = "admin";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, CjAssessmentOptions options, TimeProvider time)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = Parameters(options, time);
            jwt.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
                    var detail = context.AuthenticateFailure is null ? "an admin bearer token is required" : "the bearer token is invalid, expired or not for this service";
                    await ApiResults.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized", "Authentication required.", detail).ConfigureAwait(false);
                },
                OnForbidden = context =>
                    ApiResults.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Admin role required.", "the token does not carry the admin role"),
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireClaim(RolesClaim, AdminRole));
        return services;
    }

    public static TokenValidationParameters Parameters(CjAssessmentOptions options, TimeProvider time) => new()
    {
        ValidIssuer = options.AdminIssuer,
        ValidAudience = options.AdminAudience,
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.AdminSigningKey)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        RoleClaimType = RolesClaim,
        NameClaimType = "sub",
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            return expires is { } exp && now < exp + ClockSkew && (notBefore is not { } nbf || now >= nbf - ClockSkew);
        },
    };
}
