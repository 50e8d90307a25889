namespace Cj.Core;
