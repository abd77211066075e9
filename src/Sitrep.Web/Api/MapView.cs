using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Api;

/// <summary>
/// What a map shows: the box (<c>bbox=WEST,SOUTH,EAST,NORTH</c>, default the world) and the zoom
/// (default 5). Every map layer asks the same: what is in the box, and, when too much is, which
/// grid cell of about <see cref="CellPixels"/> screen pixels at that zoom each thing falls in.
/// </summary>
internal readonly record struct MapView(double South, double West, double North, double East, int Zoom)
{
    // A cluster cell is about this many screen pixels wide at the requested zoom.
    private const double CellPixels = 56;

    public static MapView Read(IQueryCollection q)
    {
        var zoom = ApiQuery.Integer(q, "zoom") ?? 5;
        if (zoom is < 0 or > 22)
            throw new BadRequestException($"zoom {zoom} is not between 0 and 22");
        var text = ApiQuery.Text(q, "bbox");
        if (text is null)
            return new MapView(-90, -180, 90, 180, zoom);
        var numbers = text.Split(',').Select(ApiQuery.Number).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
            throw new BadRequestException($"bbox '{text}' is not WEST,SOUTH,EAST,NORTH");
        var (west, south, east, north) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (south > north)
            throw new BadRequestException($"bbox '{text}': south {south} is above north {north}");
        // A view wider than the world, or across the antimeridian, asks for every longitude.
        if (east - west >= 360 || west > east)
            (west, east) = (-180, 180);
        return new MapView(south, west, north, east, zoom);
    }

    public bool Contains(double lat, double lon) => lat >= South && lat <= North && lon >= West && lon <= East;

    /// <summary>The grid of cells this view's zoom draws clusters with.</summary>
    public Grid<TCell> Grid<TCell>() where TCell : new() => new(360.0 / Math.Pow(2, Zoom) * CellPixels / 256);
}

/// <summary>Things grouped by the square cell of a fixed size (in degrees) they fall in.</summary>
internal sealed class Grid<TCell>(double cellDegrees) where TCell : new()
{
    private readonly Dictionary<(int, int), TCell> _cells = [];

    public IEnumerable<TCell> Cells => _cells.Values;

    public int Count => _cells.Count;

    /// <summary>The cell that <paramref name="lat"/>, <paramref name="lon"/> falls in, new if nothing fell there before.</summary>
    public TCell At(double lat, double lon)
    {
        var key = ((int)Math.Floor((lat + 90) / cellDegrees), (int)Math.Floor((lon + 180) / cellDegrees));
        if (!_cells.TryGetValue(key, out var cell))
            _cells[key] = cell = new TCell();
        return cell;
    }
}
