using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Api;

/// <summary><c>/api/events</c>: a page of events matching the filters, each the JSON record of the event spec.</summary>
internal static class EventsApi
{
    public static object Get(StorePool stores, IQueryCollection q)
    {
        var query = ApiQuery.Read(q);
        var (page, size, offset) = ApiQuery.Page(q);
        // One row more than the page says whether there is a next page without counting them all.
        var records = stores.Use(store => store.EventPage(query.Query, query.Claimant, offset, size + 1));
        return new
        {
            Page = page,
            Size = size,
            More = records.Count > size,
            Items = records.Take(size).Select(r => JsonNode.Parse(r)).ToList(),
        };
    }
}
